-- tries: error() with nil
function setup()
  error(nil) -- @error
end
