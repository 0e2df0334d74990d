-- tries: require("io") and require("os") to get the libraries back
function on_action(id)
  local io2 = require("io") -- @error
  io2.open("PWNED", "w")
end
