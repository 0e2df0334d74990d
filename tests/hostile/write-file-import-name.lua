-- tries: import() a name that would be written or created next to the scenario
function setup()
  local x = import("PWNED") -- @error
end
