-- tries: a back reference after a greedy capture ("(a*)%1b")
function on_action(id)
  return (("a"):rep(60000)):find("(a*)%1b") -- @error
end
