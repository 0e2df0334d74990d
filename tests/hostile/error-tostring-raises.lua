-- tries: an error value whose __tostring raises an error itself
function on_enter(step)
  error(setmetatable({}, {__tostring = function() error("inner") end})) -- @error
end
