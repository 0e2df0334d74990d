-- tries: read the wall clock (os.time/os.clock) to break determinism
function setup()
  local t = os.time() -- @error
  math.randomseed(t)
end
