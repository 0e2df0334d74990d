-- tries: patch a helper returned by import() so that another scenario using it is affected
local names = import("names")
if names.pwned then error("leaked from an earlier attempt") end -- @leak
names.pwned = true
names.pick = function() return "pwned" end
names.family = function() return {m = "pwned", f = "pwned"} end
error("patched names") -- @error
