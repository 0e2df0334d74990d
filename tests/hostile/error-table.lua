-- tries: error() with a table value
function on_action(id)
  error({code = 42}) -- @error
end
