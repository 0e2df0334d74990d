-- tries: debug.getregistry to reach the hidden real globals and the loaded libraries
function setup()
  local reg = debug.getregistry() -- @error
  reg._LOADED.io.open("PWNED", "w")
end
