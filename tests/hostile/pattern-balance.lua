-- tries: %b over a long unbalanced subject, tried from every position
function on_action(id)
  return (("("):rep(60000)):find("%b()") -- @error
end
