-- tries: a pattern longer than the cap
function on_action(id)
  return ("aaaa"):find(("a?"):rep(300)) -- @error
end
