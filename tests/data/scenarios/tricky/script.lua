-- Exploration fixture: every way a script can make what happens depend on more than the
-- scenario's data. A local counter kept in the script (its snapshot must be restored), random
-- numbers (the generator's state too), a flag and an action only the script asks about, a
-- jump with sim.go, on_enter and ending reading the mood, available reading the clock.
local explained = 0
local luck = 0

function setup()
  luck = math.random(1, 3)
end

function on_action(id)
  if id == "explain" then
    explained = explained + 1
  end
  if id == "joke" then
    sim.mood(math.random(-3, 3) + luck)
  end
  if id == "again" then
    sim.go("talk")
  end
  if id == "refuse" and explained > 0 then
    sim.score("communication", 3, "Объяснили, что будет дальше.")
  end
end

function on_enter(step)
  if step == "decide" and sim.mood() < 25 then
    return "Ну сколько можно?!"
  end
  if step == "decide" and sim.flag("was-rude") then
    sim.score("communication", -2, "Грубость запомнилась.", "r-polite")
  end
  return nil
end

function available(id)
  if id == "hurry" then
    return sim.minutes() > 2
  end
  if id == "wait" then
    return not sim.took("ask-purpose")
  end
  return true
end

function ending(id)
  if id == "refused" and sim.mood() < 10 then
    return "left"
  end
  return nil
end
