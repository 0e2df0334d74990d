-- tries: error at level 2 from a hook, where the caller is the host (C)
function on_action(id)
  error("blame the caller", 2) -- @error
end
