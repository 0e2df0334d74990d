-- tries: a __tostring that calls tostring on itself (C recursion)
local t
t = setmetatable({}, {__tostring = function(x) return tostring(x) end}) -- @error
function setup() return tostring(t) end
