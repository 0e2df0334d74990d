-- tries: reach io.write through the real globals hidden behind print's environment
local f = print
local env = getmetatable(_G)
if env == nil then
  error("no io: " .. tostring(io)) -- @error
end
