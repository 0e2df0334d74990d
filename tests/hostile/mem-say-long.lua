-- tries: a line of speech longer than any window can lay out
function on_enter(step)
  if step == "decide" then
    sim.say(string.rep("а", 400000)) -- @error
  end
end
