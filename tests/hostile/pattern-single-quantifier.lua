-- tries: quadratic search (".-b" tried from every position of a 64 KiB subject)
function on_action(id)
  return (("a"):rep(65000)):find(".-b") -- @error
end
