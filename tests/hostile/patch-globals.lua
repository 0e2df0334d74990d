-- tries: replace pairs, tostring and type in _G, and put a metatable on _G that swallows writes
if _G.pwned then error("leaked from an earlier attempt") end -- @leak
_G.pwned = true
pairs = function() return function() end end
tostring = function() return "pwned" end
type = function() return "pwned" end
setmetatable(_G, {__index = function(t, k) return "pwned" end, __newindex = function() end})
function setup() end
error("patched the globals") -- @error
