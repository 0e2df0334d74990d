-- tries: find any writer reachable from string, table, math, utf8 or coroutine (and use it)
local function scan(t)
  for k, v in pairs(t) do
    if k == "open" or k == "write" or k == "popen" or k == "execute" then v("PWNED", "w") end
  end
end
for _, lib in ipairs({string, table, math, utf8, coroutine, sim, _G}) do scan(lib) end
error("nothing to write with") -- @error
