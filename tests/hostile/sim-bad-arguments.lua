-- tries: sim commands with hostile arguments (huge strings, wrong types, unknown ids). Since
-- texts a script hands the engine are capped (issue #16, finding 4), the first one stops it.
function on_action(id)
  sim.set_field("passport", "surname", ("x"):rep(1000000)) -- @error
  sim.say(("я"):rep(500000))
  sim.set(("f"):rep(100000))
  sim.add_minutes(1e308) -- @error
  sim.add_mood(math.mininteger)
  sim.go(("s"):rep(100000))
end
