-- tries: a __pairs metamethod whose iterator never ends
local t = setmetatable({}, {__pairs = function(t) return function() return 1, 1 end, t, nil end})
function setup()
  for k, v in pairs(t) do end -- @error
end
