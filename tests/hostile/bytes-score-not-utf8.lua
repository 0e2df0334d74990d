-- tries: bytes that are not UTF-8 in a text handed to the engine, which once reached
-- play --json and the exports unchecked (an LMS rejects the whole file)
function on_action(id)
  sim.score("communication", 1, "\xff\xfe broken") -- @error
end
