-- tries: print() a value whose __tostring loops forever
local v = setmetatable({}, {__tostring = function() while true do end end}) -- @error
function setup() print(v) end
