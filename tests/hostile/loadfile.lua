-- tries: loadfile a helper from the shared scripts folder directly
local f = loadfile("../../scripts/names.lua") -- @error
