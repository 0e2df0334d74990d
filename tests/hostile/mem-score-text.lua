-- tries: one huge feedback text, copied into the engine outside Lua's memory cap
function on_action(id)
  sim.score("communication", 0, string.rep("ы", 100000)) -- @error
end
