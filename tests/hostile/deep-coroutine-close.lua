-- tries: deep nesting of coroutine.close through pending __close variables (C stack overflow in Lua 5.4.4)
function on_action(id)
  local prev = nil
  for i = 1, 20000 do -- @error (or here)
    local before = prev
    prev = coroutine.create(function() -- @error (or here)
      local c <close> = setmetatable({}, {__close = function()
        if before then coroutine.close(before) end -- @error
      end})
      coroutine.yield()
    end)
    coroutine.resume(prev) -- @error (a slow machine may reach the time budget here)
  end
  local ok, err = coroutine.close(prev) -- @error
  error(tostring(err), 0) -- @error
end
