-- tries: an infinite clock
function on_action(id)
  sim.add_minutes(math.huge) -- @error
end
