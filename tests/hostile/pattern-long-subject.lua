-- tries: pattern search over a subject longer than the cap
function on_action(id)
  return (("a"):rep(1000000)):find("b") -- @error
end
