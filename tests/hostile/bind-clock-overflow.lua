-- tries: 400,000 × 240 minutes, which once overflowed the time arithmetic into full marks
function on_action(id)
  for i = 1, 400000 do
    sim.add_minutes(240) -- @error
  end
end
