-- tries: replace the sim bindings so that a later attempt scores everything as correct
if sim.pwned then error("leaked from an earlier attempt") end -- @leak
sim.pwned = true
sim.score = function() end
sim.critical = function() end
sim = nil
function on_action(id)
  sim.set("x") -- @error
end
