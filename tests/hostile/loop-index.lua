-- tries: loop inside an __index metamethod
local t = setmetatable({}, {__index = function(t, k) while true do end end}) -- @error
function available(id)
  return t[id]
end
