-- tries: patch table.concat, table.insert, math.random and math.floor for a later attempt
if math.pwned then error("leaked from an earlier attempt") end -- @leak
math.pwned = true
math.random = function() return 4 end
math.floor = function() return 0 end
table.concat = function() return "pwned" end
table.insert = nil
error("patched the libraries") -- @error
