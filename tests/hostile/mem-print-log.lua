-- tries: flood the script log with print
function on_action(id)
  local s = ("y"):rep(100000)
  while true do print(s) end -- @error
end
