-- tries: endless ledger entries (one play once took all 24 GB of the machine this way)
function on_action(id)
  local t = string.rep("x", 8000)
  for i = 1, 10000000 do
    sim.score("communication", 0, t) -- @error
  end
end
