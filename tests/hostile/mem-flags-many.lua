-- tries: a million distinct flags
function on_action(id)
  for i = 1, 1000000 do
    sim.set("flag" .. i) -- @error
  end
end
