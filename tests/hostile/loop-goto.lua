-- tries: an infinite loop built with goto in the main chunk
::again:: goto again -- @error
