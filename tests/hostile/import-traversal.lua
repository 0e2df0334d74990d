-- tries: import() with a path that climbs out of scripts/
function setup()
  local p = import("../../../etc/passwd") -- @error
end
