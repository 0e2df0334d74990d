-- tries: gmatch with a backtracking pattern over a long subject
function on_action(id)
  for w in (("x"):rep(50000)):gmatch("x*x*x*y") do end -- @error
end
