-- tries: add __gc to a metatable after setmetatable checked it, then force a collection
local mt = {}
local t = setmetatable({}, mt)
mt.__gc = function() while true do end end
t = nil
collectgarbage("collect") -- @error
