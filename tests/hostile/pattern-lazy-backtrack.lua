-- tries: exponential backtracking with many lazy items, under the pattern length cap
function on_action(id)
  local s = ("a"):rep(60000)
  return s:find(("a-"):rep(100) .. "b") -- @error
end
