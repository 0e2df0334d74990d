-- Test script: varies the name from the seed, awards escalation points on refusal after
-- the service was chosen, and logs.
local names = import("testnames")

function setup()
  sim.set_applicant("name", names.pick())
end

function on_action(id)
  if id == "refuse" and sim.service() == "right" then
    sim.score("escalation", 2, "Спокойно объяснили отказ.")
  end
  print("action", id)
end
