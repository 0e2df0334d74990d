-- tries: hide __gc behind the metatable's own __index so the check misses it
local hidden = setmetatable({}, {__index = function(t, k) if k == "__gc" then return nil end end})
rawget(hidden, "x")
local t = setmetatable({}, hidden)
error("no finalizer was installed") -- @error
