-- tries: gsub over a long subject with a backtracking pattern
function on_action(id)
  local s = ("ab"):rep(30000)
  return (s:gsub("[ab]-[ab]-[ab]-c", "x")) -- @error
end
