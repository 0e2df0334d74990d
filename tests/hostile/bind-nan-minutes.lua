-- tries: a NaN clock (0/0 passes "x < 0 or x > 240"), which printed -nan in play --json, scored
-- full time marks and made every database write fail
function on_action(id)
  sim.add_minutes(0/0) -- @error
end
