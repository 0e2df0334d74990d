-- tries: one huge string.rep
function setup()
  local s = string.rep("x", 1 << 30) -- @error
end
