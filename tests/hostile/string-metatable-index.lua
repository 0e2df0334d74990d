-- tries: getmetatable("").__index to patch string methods for everybody
local mt = getmetatable("")
mt.__index.rep = function() return "pwned" end -- @error
