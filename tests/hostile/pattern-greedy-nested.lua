-- tries: greedy items that backtrack against each other ("a*a*a*a*b")
function setup()
  return (("a"):rep(3000)):match("a*a*a*a*a*b") -- @error
end
