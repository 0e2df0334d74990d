-- tries: a __concat metamethod that recurses through the VM
local t
t = setmetatable({}, {__concat = function(a, b) return a .. b end}) -- @error
function on_action(id) return t .. "x" end
