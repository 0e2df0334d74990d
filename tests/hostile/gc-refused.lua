-- tries: a finalizer (__gc) that loops forever when the state is closed
setmetatable({}, {__gc = function() while true do end end}) -- @error
