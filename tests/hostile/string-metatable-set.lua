-- tries: setmetatable on a string value to replace the shared string metatable
setmetatable("", {__index = function() return "pwned" end}) -- @error
