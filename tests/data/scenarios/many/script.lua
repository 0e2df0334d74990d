-- Exploration fixture with more endings than the old oracle kept (21), and a script: a flag
-- only the script sets (when the trainee jokes after two minutes, so it depends on the
-- clock) and later reads, a score that reads the flag set by rudeness, an action offered by
-- the clock, and ending() sending the first ending to the last after a joke.
function on_action(id)
  if id == "joke" and sim.minutes() > 2 then
    sim.set("late-joke")
  end
  if id == "end-03" and sim.flag("was-rude") then
    sim.score("communication", -4, "Грубость запомнилась.", "r-polite")
  end
  if id == "end-04" and sim.flag("late-joke") then
    sim.score("communication", -30, "Шутка не к месту.", "r-polite")
  end
end

function available(id)
  if id == "end-05" then
    return sim.minutes() < 3
  end
  return true
end

function ending(id)
  if id == "e01" and sim.took("joke") then
    return "e20"
  end
  return nil
end
