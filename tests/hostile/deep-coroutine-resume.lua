-- tries: each coroutine resumes a new one inside itself (C stack through lua_resume)
local function nest(n)
  local co = coroutine.create(nest)
  local ok, err = coroutine.resume(co, n + 1)
  if not ok then error(err, 0) end -- @error
end
function on_action(id) nest(1) end
