-- tries: compare two long equal strings again and again (one VM instruction each, no allocation)
function on_action(id)
  local a = ("0123456789"):rep(100000)
  local b = ("0123456789"):rep(100000)
  local n = 0
  while true do if a == b and not (a < b) then n = n + 1 end end -- @error
end
