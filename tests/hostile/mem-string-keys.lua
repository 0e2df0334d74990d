-- tries: many distinct long string keys
function on_action(id)
  local t, big = {}, ("k"):rep(10000)
  local i = 0
  while true do i = i + 1; t[big .. i] = i end -- @error
end
